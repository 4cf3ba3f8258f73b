// Test helpers for Sophia MCP servers. Import only from tests, never from app code.
export { connectInMemory } from './in-memory';
export type { InMemoryConnection, InMemoryOptions } from './in-memory';
export { resultJson, resultError, type ToolResultLike } from './tool-result';
export { useFakeUpstream, serveFakeUpstream, http, HttpResponse, delay } from './fake-upstream';
export type { FakeUpstreamServer, RequestHandler } from './fake-upstream';
export {
  startServerProcess,
  callToolOverHttp,
  connectHttpClient,
  connectLegacyHttpClient,
  rawRequest,
  jsonRpcPost,
  freePort,
} from './http-harness';
export type { ServerProcess, ClientOptions, RawResponse } from './http-harness';
export { waitUntilReady, slowestHealthz } from './health-probe';
export { describeMcpContract, toolSnapshotDir } from './contract';
export type { ContractOptions } from './contract';
export { checkToolSnapshots } from './tool-snapshots';
export { describeServerOverHttp, bundlePath } from './server-over-http';
export type { HttpSpecOptions, DrainSpec } from './server-over-http';
export { fuzzProtocol, fuzzSeed } from './protocol-fuzz';
export type { ProtocolFuzzOptions, ProtocolFuzzReport } from './protocol-fuzz';
export { runDrainCheck, serveSlowUpstream } from './drain-check';
export type { DrainCheckOptions, DrainOutcome, SlowUpstream } from './drain-check';
export { recordedRoute, routesUnder } from './recorded-route';
export type { ReceivedRequest, HttpMethod } from './recorded-route';
export { toolCaller } from './tool-caller';
export { servedTools, listedTools, type ListedTool } from './served-tools';
export { structuredContent, outputOf, describeStructuredContent, type StructuredContentOptions } from './structured-content';
export { startPostgresServer, postgresBinDir, type PostgresServer, type PostgresServerOptions } from './postgres-server';
export { serveFaultUpstream, faults, type Fault, type FaultUpstream } from './fault-upstream';
export { describeUpstreamFaults, FAULT_CASES, FAULT_SUITE_SETTINGS } from './upstream-fault-spec';
export type { FaultCase, FaultExpectation, UpstreamFaultSpecOptions } from './upstream-fault-spec';
