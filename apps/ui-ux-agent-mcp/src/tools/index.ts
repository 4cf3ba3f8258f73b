import type { ToolList } from '@sophia/mcp-base';
import type { UiUxAgentContext } from '../context';
import { simulateColorVision } from './color-vision-simulate.tool';
import { generateComponent } from './component-generate.tool';
import { refineComponent } from './component-refine.tool';
import { checkContrast } from './contrast-check.tool';
import { fixContrast } from './contrast-fix.tool';
import { generateDesignTokens } from './design-tokens-generate.tool';
import { auditHtmlTool } from './html-audit.tool';
import { generatePalette } from './palette-generate.tool';
import { reviewUi } from './ui-review.tool';

/** Every ui-ux-agent-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const uiUxAgentTools: ToolList<UiUxAgentContext> = [
  checkContrast,
  fixContrast,
  generatePalette,
  generateDesignTokens,
  simulateColorVision,
  auditHtmlTool,
  generateComponent,
  refineComponent,
  reviewUi,
];
