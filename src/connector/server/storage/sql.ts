import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite'

/** Prepared statements, compiled once per SQL text. */
export type Statements = (sql: string) => StatementSync

/** Returns a cache of prepared statements for a database. */
export function statementCache(db: DatabaseSync): Statements {
  const cache = new Map<string, StatementSync>()
  return (sql) => {
    let statement = cache.get(sql)
    if (!statement) cache.set(sql, (statement = db.prepare(sql)))
    return statement
  }
}

/**
 * Runs `work` in one IMMEDIATE transaction: all of its writes land, or none. Inside a transaction
 * already, `work` joins it (the outer one commits or rolls back everything).
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work()
  db.exec('BEGIN IMMEDIATE')
  let result: T
  try {
    result = work()
    db.exec('COMMIT')
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    pendingAfterCommit.delete(db)
    throw error
  }
  const after = pendingAfterCommit.get(db) ?? []
  pendingAfterCommit.delete(db)
  for (const task of after) task()
  return result
}

const pendingAfterCommit = new WeakMap<DatabaseSync, (() => void)[]>()

/**
 * Runs `task` once the current transaction has committed (at once outside one), for work SQLite
 * refuses inside a transaction, such as a checkpoint; a rollback drops it.
 */
export function afterCommit(db: DatabaseSync, task: () => void): void {
  if (!db.isTransaction) return task()
  const tasks = pendingAfterCommit.get(db) ?? []
  tasks.push(task)
  pendingAfterCommit.set(db, tasks)
}

/** Typed row access for `get`. */
export function getRow<Row>(statement: StatementSync, ...params: SQLInputValue[]): Row | undefined {
  return statement.get(...params) as Row | undefined
}

/** Typed row access for `all`. */
export function allRows<Row>(statement: StatementSync, ...params: SQLInputValue[]): Row[] {
  return statement.all(...params) as Row[]
}
