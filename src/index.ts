export * from './thai/index.js';
