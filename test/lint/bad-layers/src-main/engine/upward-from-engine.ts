// An engine file that reaches up into the store.
import { STORE } from '../db/store';

export const UPWARD = STORE;
