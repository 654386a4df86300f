export { REDACTED, Redactor, type RedactorOptions, type SecretSink } from './redactor.js';
