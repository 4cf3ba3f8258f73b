import { nodeHeapFlags, quantityMib } from '../src/node-heap';

describe('nodeHeapFlags', () => {
  it('gives the V8 old generation three quarters of the container limit and an 8 MiB semi-space', () => {
    expect(nodeHeapFlags('128Mi')).toEqual(['--max-semi-space-size=8', '--max-old-space-size=96']);
    expect(nodeHeapFlags('320Mi')).toEqual(['--max-semi-space-size=8', '--max-old-space-size=240']);
    expect(nodeHeapFlags('1Gi')).toEqual(['--max-semi-space-size=8', '--max-old-space-size=768']);
  });

  it('reads the Kubernetes quantity forms a manifest may use', () => {
    expect(quantityMib('268435456')).toBe(256);
    expect(quantityMib('0.5Gi')).toBe(512);
    expect(quantityMib('131072Ki')).toBe(128);
    expect(quantityMib('256M')).toBeCloseTo(244.14, 2);
  });

  it('refuses a quantity it cannot read, saying which form to use', () => {
    expect(() => quantityMib('128 MB')).toThrow('"128 MB" is not a memory quantity this workspace understands: use Mi or Gi, e.g. "128Mi"');
  });
});
