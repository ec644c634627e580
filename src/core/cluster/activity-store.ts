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

  constructor(private readonly windowMs: number) {}

  addNote(n: NoteActivity): void {
    const list = this.notes.get(n.account_id);
    if (!list) this.notes.set(n.account_id, [n]);
    else {
      list.push(n);
      if (list.length > MAX_NOTES_PER_ACCOUNT) list.shift();
    }
  }

  setFacts(f: AccountFactsRecord): void {
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
