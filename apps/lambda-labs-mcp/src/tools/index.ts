import type { ToolList } from '@sophia/mcp-base';
import type { LambdaLabsContext } from '../context';
import { findCheapestAvailable } from './cheapest-available-find.tool';
import { listFileSystems } from './file-systems-list.tool';
import { listImages } from './images-list.tool';
import { getInstance } from './instance-get.tool';
import { launchInstance } from './instance-launch.tool';
import { restartInstance } from './instance-restart.tool';
import { terminateInstance } from './instance-terminate.tool';
import { listInstanceTypes } from './instance-types-list.tool';
import { listInstances } from './instances-list.tool';
import { listSshKeys } from './ssh-keys-list.tool';

/** Every lambda-labs-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const lambdaLabsTools: ToolList<LambdaLabsContext> = [
  // catalog
  listInstanceTypes,
  findCheapestAvailable,
  listImages,
  // instances
  listInstances,
  getInstance,
  launchInstance,
  restartInstance,
  terminateInstance,
  // account
  listSshKeys,
  listFileSystems,
];
