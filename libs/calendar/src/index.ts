export * from './due-soon';
export * from './holiday-table';
export * from './working-calendar';
export { localDate } from './local-time';
export * from './calendar-terms';
