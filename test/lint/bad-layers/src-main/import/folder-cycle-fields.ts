export const FIELDS = 'fields';
