import { A } from './circular-a';

export const B = 'b';
export const BA = () => A;
