import { REDACTED_LITERAL, redactLiterals } from '../src/sql/redact';

const SECRET = 's3cr3t-Ünïcode-€';

/** Every way PostgreSQL spells a string constant, each carrying the secret. */
const LITERAL_FORMS = [
  `'${SECRET}'`,
  `E'${SECRET}\\'q'`,
  `e'${SECRET}'`,
  `N'${SECRET}'`,
  `U&'${SECRET}'`,
  `U&'${SECRET}' UESCAPE '!'`,
  `$$${SECRET}$$`,
  `$tag$${SECRET}'$tag$`,
  `'${SECRET.slice(0, 4)}' '${SECRET.slice(4)}'`,
  `'it''s ${SECRET}'`,
];

/** Statements pg_stat_statements keeps verbatim (utility statements) or normalises (DML). */
const STATEMENTS = [
  (literal: string) => `CREATE ROLE bob LOGIN PASSWORD ${literal}`,
  (literal: string) => `ALTER USER bob WITH PASSWORD ${literal} VALID UNTIL '2030-01-01'`,
  (literal: string) => `CREATE USER MAPPING FOR bob SERVER s OPTIONS (user 'u', password ${literal})`,
  (literal: string) => `COPY t FROM ${literal}`,
  (literal: string) => `COMMENT ON TABLE t IS ${literal}`,
  (literal: string) => `SET app.api_key = ${literal}`,
  (literal: string) => `SELECT * FROM t WHERE token = ${literal}`,
  (literal: string) => `DO ${literal}`,
  (literal: string) => `SELECT /* caller */ ${literal}::text AS x -- trailing`,
];

describe('redactLiterals: no string literal of any form survives in top_queries text', () => {
  it.each(STATEMENTS.flatMap((statement) => LITERAL_FORMS.map((form) => [statement(form)])))('%s', async (sql) => {
    const redacted = await redactLiterals(sql);
    expect(redacted).not.toContain(SECRET.slice(0, 6));
    expect(redacted).not.toContain(SECRET.slice(-6));
  });

  it('keeps the statement readable: keywords, identifiers, comments and $n parameters stay', async () => {
    expect(await redactLiterals("CREATE ROLE bob LOGIN PASSWORD 'x' CONNECTION LIMIT 3")).toBe(
      // pg_stat_statements-style normalisation turns the password into $1 and keeps the rest.
      'CREATE ROLE bob LOGIN PASSWORD $1 CONNECTION LIMIT 3',
    );
    expect(await redactLiterals("COPY t FROM '/etc/secret' /* why */")).toBe(`COPY t FROM ${REDACTED_LITERAL} /* why */`);
    expect(await redactLiterals('SELECT a FROM t WHERE b = $1 LIMIT 10')).toBe('SELECT a FROM t WHERE b = $1 LIMIT $2');
  });

  it('cuts text that does not scan (truncated by track_activity_query_size) at its first quote', async () => {
    expect(await redactLiterals(`ALTER ROLE bob PASSWORD '${SECRET}`)).toBe(`ALTER ROLE bob PASSWORD ${REDACTED_LITERAL} …`);
    expect(await redactLiterals(`SELECT $$${SECRET}`)).toBe(`SELECT ${REDACTED_LITERAL} …`);
  });

  it('keeps non-ASCII text outside literals intact (the scanner counts bytes)', async () => {
    expect(await redactLiterals(`COMMENT ON TABLE "tàble" IS 'é${SECRET}'`)).toBe(`COMMENT ON TABLE "tàble" IS ${REDACTED_LITERAL}`);
  });
});
