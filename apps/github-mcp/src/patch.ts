/**
 * Patches (unified diffs of one file) are the largest thing GitHub returns: each is cut at a per-file
 * maximum, and a page stops carrying them once its budget is spent, so a result stays under the cap.
 */
export class PatchBudget {
  constructor(
    private remaining: number,
    private readonly perFile: number,
  ) {}

  take(patch: string | undefined): { patch: string | null; patchNote: string | null } {
    if (patch === undefined) return { patch: null, patchNote: 'GitHub shows no patch (binary file or diff too large)' };
    if (this.remaining <= 0) return { patch: null, patchNote: 'left out: the result already holds its maximum of patch text' };
    const max = Math.min(this.perFile, this.remaining);
    this.remaining -= Math.min(patch.length, max);
    if (patch.length <= max) return { patch, patchNote: null };
    const note = `cut: showing the first ${max} of ${patch.length} characters`;
    return { patch: `${patch.slice(0, max)}\n… [${note}]`, patchNote: note };
  }
}
