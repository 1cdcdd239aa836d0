// Texts of the Mensen en gremia beyond the bodies page screens: part of the one translation table (../nl.ts).
// Keys start with 'people.'.
export const people = {
} as const;
