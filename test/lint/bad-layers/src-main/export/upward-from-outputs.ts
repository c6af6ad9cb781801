// An export that borrows the API's router instead of an operation.
import { ROUTER } from '../api/router';

export const EXPORT = ROUTER;
