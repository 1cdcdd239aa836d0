// Texts of the Begroting screens: part of the one translation table (../nl.ts).
// Keys start with 'budget.'.
export const budget = {
} as const;
