import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { useSessionToken } from '../features/auth/session.js';
import { labelGraphiQL } from '../features/explorer/label-graphiql.js';

/** What the explorer shows on a first visit: one page of the risk register. */
export const EXPLORER_START_QUERY = `# Assay's GraphQL API, as the signed-in user: the documentation is in the book icon on the left.
# Run with Ctrl-Enter.
query FirstRisks {
  risks(first: 5) {
    totalCount
    nodes {
      title
      score
      level
      withinAppetite
    }
  }
}
`;

/**
 * GraphiQL for analysts, bundled with the dashboard (no CDN), sending the session's token with
 * every request, so a query sees exactly what the signed-in user may see.
 */
export function ExplorerPage() {
  const token = useSessionToken();
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: new URL('/graphql', window.location.origin).toString(),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    [token],
  );
  const root = useRef<HTMLElement>(null);
  useEffect(() => (root.current ? labelGraphiQL(root.current) : undefined), []);
  return (
    <section ref={root} className="assay-explorer" aria-label="GraphQL explorer">
      <h1 className="assay-visually-hidden">GraphQL explorer</h1>
      <GraphiQL fetcher={fetcher} defaultQuery={EXPLORER_START_QUERY} defaultEditorToolsVisibility={false} forcedTheme="light" />
    </section>
  );
}
