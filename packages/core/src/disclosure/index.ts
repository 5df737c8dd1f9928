export * from './table';
export { protectTable } from './protect-table';
export * from './roll-up';
export * from './cell-key';
export * from './release';
export * from './view-release';
