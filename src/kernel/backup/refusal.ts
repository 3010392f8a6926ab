/** Why a backup or restore stopped before doing anything: a stable code and a Vietnamese message. */
export type RefusalCode =
  | 'file_exists'
  | 'file_missing'
  | 'not_an_archive'
  | 'checksum_mismatch'
  | 'newer_schema'
  | 'wrong_dialect'
  | 'no_schema'
  | 'target_not_empty'
  | 'nothing_to_back_up'
  | 'restore_check_failed';

export class BackupRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRefusal';
  }
}
