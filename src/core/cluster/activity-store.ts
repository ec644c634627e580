/** What the cluster stage remembers about each account for evidence: recent notes and account facts. */
export interface NoteActivity {
  kind: 'note';
  account_id: string;
  note_id: string;
  ts: number;
  targets: string[];
}

export interface AccountFactsRecord {
  kind: 'account';
  account_id: string;
  registered_at?: number;
  devices: string[];
  ips: string[];
}

const MAX_NOTES_PER_ACCOUNT = 64;

export class ActivityStore {
  readonly notes = new Map<string, NoteActivity[]>();
  readonly facts = new Map<string, AccountFactsRecord>();
  /** bumped on every change to an account's notes or facts (lets callers reuse what they derived) */
  private readonly versions = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Changes so far to the account's notes and facts; unchanged version + no note aged out = same activity. */
  version(account: string): number {
    return this.versions.get(account) ?? 0;
  }

  /** True when none of the account's remembered notes is older than the window at `now`. */
  nothingAgedOut(account: string, now: number): boolean {
    const list = this.notes.get(account);
    return !list || list.length === 0 || list[0].ts >= now - this.windowMs;
  }

  addNote(n: NoteActivity): void {
    this.versions.set(n.account_id, this.version(n.account_id) + 1);
    const list = this.notes.get(n.account_id);
    if (!list) this.notes.set(n.account_id, [n]);
    else {
      list.push(n);
      if (list.length > MAX_NOTES_PER_ACCOUNT) list.shift();
    }
  }

  setFacts(f: AccountFactsRecord): void {
    this.versions.set(f.account_id, this.version(f.account_id) + 1);
    this.facts.set(f.account_id, f);
  }

  notesOf(account: string, now: number): NoteActivity[] {
    const list = this.notes.get(account);
    if (!list) return [];
    const horizon = now - this.windowMs;
    while (list.length && list[0].ts < horizon) list.shift();
    return list;
  }
}
