// A screen that opens the store instead of calling the API.
import { STORE } from '../src-main/db/store';

export const SCREEN = STORE;
