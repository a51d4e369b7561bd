/**
 * Test and bench support: the reserved words of each language, which a rename never touches
 * (what `renameIdentifiers` keeps). Built-in values and types count as reserved.
 */
const COMMON = 'true false null if else for while do return break continue'
const C_LIKE = `${COMMON} defined switch case default goto sizeof void int char long short float double unsigned signed const static extern struct union enum typedef volatile register inline auto restrict _Bool _Complex _Atomic _Alignas _Alignof _Generic _Noreturn _Static_assert _Thread_local`
// Keywords of PostgreSQL's grammar that the extension scripts use (types and pseudo-types count
// as reserved, as for the other languages).
const SQL_MORE =
  'OPERATOR RESTRICT CLASS FOR USING LEFTARG RIGHTARG COMMUTATOR NEGATOR HASHES MERGES FAMILY STRATEGY SUPPORT STORAGE ASSIGNMENT IMPLICIT WITHOUT ZONE INTERNALLENGTH INPUT OUTPUT RECEIVE SEND TYPMOD_IN TYPMOD_OUT ANALYZE ALIGNMENT CATEGORY PREFERRED COLLATABLE PASSEDBYVALUE ELEMENT DELIMITER SUBSCRIPT DO PERFORM LATERAL SEARCH TEMPLATE LEXIZE INIT COST ROWS CALLED LEAKPROOF RAISE NOTICE EXCEPTION WARNING LOOP FOREACH WHILE EXIT CONTINUE ELSIF QUERY NEXT FOUND STRICT CURSOR OPEN FETCH CLOSE OF BEFORE AFTER INSTEAD EACH ROW STATEMENT EVENT RULE POLICY ROLE USER TABLESPACE DATABASE SERVER WRAPPER FOREIGN DATA OPTIONS HANDLER VALIDATOR INLINE TRUSTED PROCEDURAL AGGREGATE SFUNC STYPE FINALFUNC INITCOND COMBINEFUNC SERIALFUNC DESERIALFUNC SORTOP COLLATION CONVERSION DOMAIN ARRAY ANY SOME BETWEEN ILIKE SIMILAR ESCAPE ASC DESC NULLS FIRST LAST OFFSET ONLY OVER PARTITION WINDOW RANGE FILTER WITHIN RECURSIVE MATERIALIZED TEMP TEMPORARY UNLOGGED INHERITS INCLUDING EXCLUDING NOTHING CONFLICT VACUUM TRUNCATE COPY LOCK SHARE EXCLUSIVE MODE START TRANSACTION COMMIT ROLLBACK SAVEPOINT RELEASE PREPARE NOTIFY LOAD RESET SHOW RENAME OWNED CONCURRENTLY DEFERRABLE INITIALLY DEFERRED IMMEDIATE MATCH FULL PARTIAL SIMPLE ACTION NO CROSS NATURAL RIGHT EXCEPT INTERSECT ENABLE DISABLE VALID VALIDATE LOGIN NOLOGIN PASSWORD SUPERUSER OPTION PRIVILEGES ALWAYS GENERATED IDENTITY STORED SYSTEM VALUE VARYING PRECISION DOUBLE CHARACTER NCHAR BIT VARBIT MONEY INET CIDR MACADDR MACADDR8 XML POINT LINE LSEG BOX PATH POLYGON CIRCLE TSVECTOR TSQUERY INTERNAL CSTRING ANYELEMENT ANYARRAY ANYENUM ANYNONARRAY ANYRANGE ANYCOMPATIBLE ANYCOMPATIBLEARRAY LANGUAGE_HANDLER FDW_HANDLER INDEX_AM_HANDLER TSM_HANDLER EVENT_TRIGGER REGPROC REGPROCEDURE REGOPER REGOPERATOR REGTYPE REGCONFIG REGDICTIONARY REGNAMESPACE REGROLE NAME BPCHAR XID CID TID PG_LSN UNKNOWN TRUE FALSE COLLATE GLOBAL LOCAL ISNULL NOTNULL PLPGSQL'

const WORDS: Record<string, string> = {
  js: `${COMMON} function var let const new delete this super class extends import export from as default async await yield typeof instanceof in of try catch finally throw switch case undefined void with static get set`,
  py: 'True False None if elif else for while return break continue def class lambda import from as try except finally raise with pass global nonlocal in is not and or yield async await del assert self int float str bool bytes object list dict set tuple',
  java: `${C_LIKE} class interface extends implements new this super public private protected final abstract native synchronized transient throws throw try catch finally import package instanceof boolean byte var record`,
  kt: `${COMMON} fun val var class object interface when is in as by new this super import package override private public internal protected open abstract data sealed companion lateinit try catch finally throw Unit it const enum where typealias inner operator infix suspend inline noinline crossinline reified vararg out get set field init constructor final external annotation tailrec value expect actual`,
  swift: `${COMMON} func let var class struct enum protocol extension import init deinit self Self super guard in where as is nil throw throws try catch repeat switch case default public private fileprivate internal open static override mutating weak lazy inout typealias associatedtype subscript operator precedencegroup final required convenience dynamic optional indirect nonmutating unowned get set willSet didSet defer fallthrough rethrows some any Any Type actor async await nonisolated prefix postfix infix`,
  go: `${COMMON} func var const type struct interface map chan go defer select switch case default package import range nil fallthrough int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr float32 float64 complex64 complex128 string bool byte rune error any`,
  rs: `${COMMON} fn let mut const static struct enum trait impl for in loop match mod pub use crate self Self super as where ref move dyn unsafe async await type extern box union macro_rules Some None Ok Err u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64 bool char str`,
  rb: 'true false nil if elsif else unless until while for in do end def class module return break next redo retry begin rescue ensure raise yield self super and or not then case when require attr_reader attr_accessor lambda proc alias undef defined initialize private protected public',
  cs: `${C_LIKE} class interface namespace using new this base public private protected internal readonly sealed override virtual abstract async await var string bool object get set value out ref in is as foreach try catch finally throw typeof nameof operator implicit explicit delegate event params checked unchecked fixed lock stackalloc byte sbyte ushort uint ulong decimal dynamic partial record init with when where yield global nint nuint notnull unmanaged add remove`,
  php: `${COMMON} function class interface trait namespace use new echo print array public private protected static abstract final extends implements as foreach try catch finally throw isset unset empty require require_once include include_once this self parent fn match switch case default while do elseif endif endwhile endfor endforeach endswitch enddeclare declare global const var instanceof insteadof clone goto list yield exit die and or xor callable iterable int float bool string void mixed never object NULL TRUE FALSE __construct __destruct __toString __get __set __call __callStatic __isset __unset __invoke __clone __sleep __wakeup __serialize __unserialize __set_state __debugInfo`,
  sh: 'if then else elif fi for while until do done case esac in function return local export readonly declare shift exit break continue',
  pl: `${COMMON} my our local sub package use require unless until elsif foreach last next redo eq ne lt gt le ge and or not qw shift`,
  sql:
    'SELECT FROM WHERE AND OR NOT NULL INSERT INTO VALUES UPDATE SET DELETE CREATE TABLE INDEX VIEW FUNCTION RETURNS LANGUAGE AS BEGIN END IF EXISTS DROP ALTER ADD COLUMN PRIMARY KEY REFERENCES ON JOIN LEFT INNER OUTER GROUP BY ORDER HAVING LIMIT UNION ALL DISTINCT CASE WHEN THEN ELSE IS IN LIKE DEFAULT CONSTRAINT UNIQUE CHECK GRANT TO REPLACE RETURN DECLARE INTEGER TEXT VARCHAR INT INT2 INT4 INT8 BIGINT SMALLINT SERIAL BIGSERIAL BOOL BOOLEAN BYTEA REAL NUMERIC DECIMAL FLOAT4 FLOAT8 DATE TIME TIMESTAMP TIMESTAMPTZ INTERVAL CHAR JSON JSONB UUID OID REGCLASS RECORD SETOF VOID TRIGGER OUT INOUT PARALLEL SAFE UNSAFE RESTRICTED STRICT IMMUTABLE STABLE VOLATILE SECURITY DEFINER INVOKER SCHEMA EXTENSION TYPE SEQUENCE COMMENT EXECUTE PROCEDURE REVOKE USAGE PUBLIC CAST WITH RETURNING CASCADE OWNER NOT ' +
    SQL_MORE,
}
WORDS.ts = `${WORDS.js} interface type enum implements private public protected readonly declare namespace abstract keyof satisfies`
WORDS.c = C_LIKE
WORDS.cpp = `${C_LIKE} class namespace template typename public private protected virtual override new delete this using operator nullptr constexpr noexcept try catch throw bool explicit friend mutable decltype alignas alignof wchar_t char8_t char16_t char32_t thread_local static_assert static_cast const_cast dynamic_cast reinterpret_cast concept requires co_await co_return co_yield consteval constinit export final`

const cache = new Map<string, Set<string>>()

/** Reserved words of a language (`sql` compared upper-cased). */
export function reservedWords(lang: string): Set<string> {
  let set = cache.get(lang)
  if (!set) {
    set = new Set((WORDS[lang] ?? WORDS.js ?? '').split(' '))
    cache.set(lang, set)
  }
  return set
}
