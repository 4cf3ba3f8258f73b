import { bundlePath, callToolOverHttp, resultJson } from '@sophia/mcp-testing';

// The bundle as shipped (axe-core and jsdom bundled by esbuild), with no key and no upstream.
const offlineEnv = {};

describe('ui-ux-agent-mcp offline tools in the built bundle, without any key', () => {
  it('answers check_contrast through both client generations', async () => {
    const call = { name: 'check_contrast', arguments: { foreground: '#777777', background: '#ffffff' } };
    for (const result of await callToolOverHttp(bundlePath('ui-ux-agent-mcp'), offlineEnv, call)) {
      expect(resultJson(result)).toMatchObject({ ratio: 4.48, verdicts: { AA: { normalText: false, largeText: true } } });
      expect(result.structuredContent).toMatchObject({ ratio: 4.48 });
    }
  });

  it('runs axe-core on jsdom inside the bundle (audit_html)', async () => {
    const call = { name: 'audit_html', arguments: { html: '<main><img src="https://cdn.example/x.png" id="hero"><button></button></main>' } };
    for (const result of await callToolOverHttp(bundlePath('ui-ux-agent-mcp'), offlineEnv, call)) {
      const audit = resultJson<{ violations: Array<{ rule: string; nodes: Array<{ selector: string }> }> }>(result);
      expect(audit.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
      expect(audit.violations.find((v) => v.rule === 'image-alt')?.nodes[0]?.selector).toBe('#hero');
    }
  });
});
