/**
 * Groups of slots holding one text: the same exact hash and the same sketch word for word, so
 * the same score against any query. The first slot of a group is its head: only the head's
 * sketch is stored and only the head is filed in the postings, and a query that meets the head
 * answers every live member. A team library pulled beside the user's own holds copies of many
 * texts (the 1,000,000-snippet bench holds ten of each), and each copy filed on its own made a
 * query tally and rank every one of them.
 *
 * Members are chained in filing order (oldest first, as equal answers are listed). A group stays
 * while any member is live, its head's sketch and postings with it, even when the head's own asset
 * was removed; once its last member goes, the group is empty and its head never a candidate again.
 */
export function createCopyGroups() {
  let heads = new Int32Array(1024)
  /** Next member in filing order, -1 after the last. */
  let next = new Int32Array(1024)
  /** A head's last member (where the next copy is chained). */
  let last = new Int32Array(1024)
  /** A head's live members. */
  let members = new Int32Array(1024)
  let started = 0
  let emptied = 0

  const room = (slot: number): void => {
    if (slot < heads.length) return
    const size = Math.max(slot + 1, Math.ceil(heads.length * 1.5))
    const bigger = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size)
      to.set(from)
      return to
    }
    heads = bigger(heads)
    next = bigger(next)
    last = bigger(last)
    members = bigger(members)
  }

  return {
    /** Groups started, emptied ones included. */
    get started(): number {
      return started
    },
    /** Groups with a live member. */
    get live(): number {
      return started - emptied
    },
    /** Groups emptied so far (none: every head filed is a live candidate). */
    get emptied(): number {
      return emptied
    },
    /** Bytes of the typed arrays. */
    get bytes(): number {
      return heads.byteLength * 4
    },
    /** A new slot heading its own group. */
    start(slot: number): void {
      room(slot)
      heads[slot] = slot
      next[slot] = -1
      last[slot] = slot
      members[slot] = 1
      started++
    },
    /** A new slot joining `head`'s group as its newest member. */
    join(slot: number, head: number): void {
      room(slot)
      heads[slot] = head
      next[slot] = -1
      next[last[head] ?? head] = slot
      last[head] = slot
      members[head] = (members[head] ?? 0) + 1
    },
    /** A member's asset is gone; true when that emptied its group. */
    leave(slot: number): boolean {
      const head = heads[slot] ?? slot
      const left = (members[head] ?? 1) - 1
      members[head] = left
      if (left > 0) return false
      emptied++
      return true
    },
    /** The head of a slot's group. */
    headOf(slot: number): number {
      return heads[slot] ?? slot
    },
    /** Live members of a head's group: the count a candidate stands for. */
    size(head: number): number {
      return members[head] ?? 0
    },
    /** Whether a head's group has a live member. */
    alive(head: number): boolean {
      return (members[head] ?? 0) > 0
    },
    /** Calls `visit` with each member of a head's group, oldest first (dead ones included). */
    each(head: number, visit: (slot: number) => void): void {
      for (let s = head; s >= 0; s = next[s] ?? -1) visit(s)
    },
  }
}

export type CopyGroups = ReturnType<typeof createCopyGroups>
