// The simulator alone, without the fixture replayer: importing nock installs its HTTP
// interception for the whole process, which a demo or a benchmark using a simulator must not get.
export * from './simulator/index.js';
export { FakeClock, FaultServer, type FaultReply, type RecordedRequest } from '@interlock/core/testing';
