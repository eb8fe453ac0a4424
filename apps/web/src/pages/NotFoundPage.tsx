import { Link } from '../router.js';

/** The page for an address the dashboard does not know. */
export function NotFoundPage({ path }: { path: string }) {
  return (
    <div className="assay-status">
      <h1 className="assay-page-title">Page not found</h1>
      <p>
        Assay has no page at <code>{path}</code>.
      </p>
      <p>
        <Link to="/">Go to the overview</Link>
      </p>
    </div>
  );
}
