export * from './common/page';
export * from './common/problem';
export * from './common/organisation';
export * from './locations/location';
export * from './locations/is-valid-time-zone';
export * from './camps/camp';
export * from './camps/camp-status-transitions';
export * from './camps/check-camp-figures';
