import { useMutation } from 'urql';
import { graphql } from '../../gql/index.js';
import { ROLE_LABELS, type Viewer } from './viewer.js';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export function Header({ viewer, onSignedOut }: { viewer: Viewer; onSignedOut: () => void }) {
  const [, signOut] = useMutation(SignOutMutation);
  const handleSignOut = async () => {
    // Leave locally even when the API cannot be reached; the token then expires on its own.
    await signOut({}).catch(() => undefined);
    onSignedOut();
  };
  return (
    <header className="assay-header">
      <div className="assay-header__brand">
        <span className="assay-logo" aria-hidden="true">◆</span> Assay
      </div>
      <div className="assay-header__org" data-testid="organisation">
        {viewer.organisation.name}
      </div>
      <div className="assay-header__user">
        <span>{viewer.user.name}</span>
        <span className="assay-badge" data-testid="role">{ROLE_LABELS[viewer.role]}</span>
        <button type="button" className="assay-button assay-button--quiet" onClick={handleSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
