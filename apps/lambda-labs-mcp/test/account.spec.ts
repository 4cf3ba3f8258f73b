import { resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { EU_CENTRAL, US_EAST, callTool, lambdaData, route } from './fake-upstream';

describe('list_ssh_keys', () => {
  const fake = useFakeUpstream();

  it('lists keys with the start of the public key only', async () => {
    const publicKey = `ssh-rsa ${'A'.repeat(700)} me@laptop`;
    fake.use(route('get', '/ssh-keys', () => lambdaData([{ id: 'k-1', name: 'laptop', public_key: publicKey }])).handler);

    const [key] = (resultJson(await callTool('list_ssh_keys', {})) as { items: { id: string; name: string; publicKey: string }[] }).items;

    expect(key).toMatchObject({ id: 'k-1', name: 'laptop' });
    expect(key?.publicKey.startsWith('ssh-rsa AAAA')).toBe(true);
    expect(key?.publicKey).toContain('[truncated:');
  });
});

describe('list_file_systems', () => {
  const fake = useFakeUpstream();

  it('lists file systems compactly, filtered by region', async () => {
    const fileSystem = (id: string, region: typeof US_EAST) => ({
      id, name: `data-${id}`, mount_point: `/lambda/nfs/data-${id}`, created: '2026-10-01T12:00:00Z',
      created_by: { id: 'u-1', email: 'me@example.com', status: 'active' }, is_in_use: true, bytes_used: 1024, region,
    });
    fake.use(route('get', '/file-systems', () => lambdaData([fileSystem('fs-1', US_EAST), fileSystem('fs-2', EU_CENTRAL)])).handler);

    expect(resultJson(await callTool('list_file_systems', { region: 'europe-central-1' }))).toEqual({
      items: [{ id: 'fs-2', name: 'data-fs-2', region: 'europe-central-1', mountPoint: '/lambda/nfs/data-fs-2', isInUse: true, bytesUsed: 1024, created: '2026-10-01T12:00:00Z' }],
      total: 1,
    });
  });
});
