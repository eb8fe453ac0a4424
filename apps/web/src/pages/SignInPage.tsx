import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.js';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      viewer {
        ...ViewerFields
      }
    }
  }
`);

export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, signIn] = useMutation(SignInMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn({ email, password });
    if (result.data?.signIn.token) onSignedIn(result.data.signIn.token);
  };

  const message = error ? (error.graphQLErrors[0]?.message ?? 'Assay could not be reached; try again in a moment') : null;
  return (
    <main className="assay-signin">
      <form className="assay-card assay-signin__form" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">
          <span className="assay-logo" aria-hidden="true">◆</span> Sign in to Assay
        </h1>
        <p className="assay-muted">Your ISO/IEC 42001 AI management system.</p>
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {message ? <p role="alert" className="assay-error">{message}</p> : null}
        <button type="submit" className="assay-button" disabled={fetching}>
          {fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
