import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callOfflineTool } from './fake-upstream';

interface Audit {
  level: string;
  violationCount: number;
  failingElements: number;
  violations: Array<{ rule: string; impact: string | null; wcag: string[]; nodes: Array<{ selector: string; html: string; fix: string }>; moreNodes: number }>;
  incomplete: Array<{ rule: string }>;
  passedRules: number;
  nextCursor?: string;
}

const BROKEN_PAGE = `<!doctype html><html><head><title>Shop</title></head><body>
  <main>
    <h1>Products</h1>
    <img src="https://cdn.example/shoe.png" id="shoe">
    <form><input type="text" id="email"></form>
    <button class="icon-only"></button>
    <a href="/cart"></a>
    <script>document.body.innerHTML = 'scripts must not run'</script>
  </main>
</body></html>`;

// No handlers: the audit must not fetch anything (the <img> src included).
describe('audit_html, offline on a server without any key', () => {
  useFakeUpstream();

  it('finds each violation with its selector, impact and fix, most severe first', async () => {
    const audit = resultJson<Audit>(await callOfflineTool('audit_html', { html: BROKEN_PAGE }));
    const rules = audit.violations.map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label', 'button-name', 'link-name']));
    expect(rules).not.toContain('document-title');
    const image = audit.violations.find((v) => v.rule === 'image-alt');
    expect(image).toMatchObject({ impact: 'critical', nodes: [{ selector: '#shoe', html: expect.stringContaining('<img') }] });
    expect(image?.nodes[0]?.fix).toMatch(/^Fix any of the following:/);
    expect(image?.wcag).toContain('wcag2a');
    expect(audit.violations.find((v) => v.rule === 'label')?.nodes[0]?.selector).toBe('#email');
    const impacts = audit.violations.map((v) => ['critical', 'serious', 'moderate', 'minor'].indexOf(v.impact ?? ''));
    expect([...impacts].sort((a, b) => a - b)).toEqual(impacts);
    expect(audit.violationCount).toBe(audit.violations.length);
    expect(audit.passedRules).toBeGreaterThan(0);
  });

  it('never runs the page scripts (the script would have emptied the body)', async () => {
    const audit = resultJson<Audit>(await callOfflineTool('audit_html', { html: BROKEN_PAGE }));
    expect(audit.failingElements).toBeGreaterThanOrEqual(4);
  });

  it('passes a clean fragment', async () => {
    const audit = resultJson<Audit>(
      await callOfflineTool('audit_html', {
        html: '<html lang="en"><head><title>Ok</title></head><body><main><h1>Hi</h1><img src="a.png" alt="A cat"><label for="n">Name</label><input id="n"></main></body></html>',
      }),
    );
    expect(audit.violations).toEqual([]);
    expect(audit.violationCount).toBe(0);
    expect(audit.nextCursor).toBeUndefined();
  });

  it('pages through violations with the cursor, over two pages', async () => {
    const first = resultJson<Audit>(await callOfflineTool('audit_html', { html: BROKEN_PAGE, limit: 2 }));
    expect(first.violations).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = resultJson<Audit>(await callOfflineTool('audit_html', { html: BROKEN_PAGE, limit: 2, cursor: first.nextCursor }));
    expect(second.violations.length).toBeGreaterThan(0);
    const seen = [...first.violations, ...second.violations].map((v) => v.rule);
    expect(new Set(seen).size).toBe(seen.length);
    expect(first.violationCount).toBe(second.violationCount);
    expect(second.incomplete).toEqual([]);
  });

  it('caps the elements listed per rule and says how many more failed', async () => {
    const images = Array.from({ length: 14 }, (_, i) => `<img src="p${i}.png" id="p${i}">`).join('');
    const audit = resultJson<Audit>(await callOfflineTool('audit_html', { html: `<main>${images}</main>`, bestPractices: false }));
    const image = audit.violations.find((v) => v.rule === 'image-alt');
    expect(image?.nodes).toHaveLength(10);
    expect(image?.moreNodes).toBe(4);
  });

  it('turns best-practice rules off on request', async () => {
    const html = '<html lang="en"><head><title>t</title></head><body><div>no landmark</div></body></html>';
    const withBest = resultJson<Audit>(await callOfflineTool('audit_html', { html }));
    const without = resultJson<Audit>(await callOfflineTool('audit_html', { html, bestPractices: false }));
    expect(withBest.violations.map((v) => v.rule)).toContain('region');
    expect(without.violations.map((v) => v.rule)).not.toContain('region');
  });

  it('refuses a foreign cursor', async () => {
    expect(resultError(await callOfflineTool('audit_html', { html: '<p>x</p>', cursor: 'bogus' }))).toMatch(/^invalid_input: cursor is not valid/);
  });
});
