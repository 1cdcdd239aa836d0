// Texts of the Agenda screens screens: part of the one translation table (../nl.ts).
// Keys start with 'agenda.'.
export const agenda = {
} as const;
