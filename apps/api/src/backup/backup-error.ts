/**
 * A backup or restore that cannot go ahead, for a reason the operator can act on. The command
 * lines print its message as one line and exit with 1; nothing has been changed when it is thrown.
 */
export class BackupError extends Error {
  override name = 'BackupError';
}
