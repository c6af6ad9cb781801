export const STORE = 'store';
