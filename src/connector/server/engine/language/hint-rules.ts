/**
 * Cheap syntax evidence per language (spec extension values): `[pattern, weight, most]` adds
 * `weight` for each line (or match) the pattern finds, up to `most` times. Weights: 3 for what
 * (nearly) only that language writes, 2 for strong habits, 1 or less for signs several share.
 */
export type HintRule = [RegExp, number, number]

const C_TYPES = '(?:void|int|char|long|short|double|float|bool|unsigned|signed|size_t|\\w+_t)'

export const HINT_RULES: Record<string, HintRule[]> = {
  py: [
    [/^\s*(?:async )?def \w+\(/gm, 3, 2],
    [/^\s*class \w+(?:\(.*\))?:\s*$/gm, 3, 1],
    [/^\s*(?:elif .*|else|try|except(?: .*)?|finally):\s*$/gm, 2, 2],
    // Not reverse-domain imports (`import com.example.app.View`: Kotlin, Scala, Groovy).
    [
      /^(?:from [\w.]+ import |import (?![a-z]\w*(?:\.\w+){2,}\s*$)[\w.]+(?: as \w+)?(?:, [\w.]+)*\s*$)/gm,
      2,
      3,
    ],
    [/\bself\.\w/g, 1.5, 2],
    [/\b(?:None|True|False)\b/g, 1, 1],
    [/^\s*(?:if|for|while|with) .*:\s*$/gm, 1.5, 2],
    [/\b__\w+__\b/g, 1, 1],
    [/"""|'''/g, 2, 1],
    [/\bnot in\b|\bis not\b|\bis None\b|\blambda\b[\w, ]*:|\bexcept \w+/g, 2, 1],
    [/^\s*(?:return|raise|yield|pass|del|assert|global)\b[^;{}]*$/gm, 0.5, 2],
    [/\b(?:print|len|isinstance|range|str|dict)\(/g, 1, 1],
    [/^\s+(?:'[^']*'|"[^"]*"),\s*$/gm, 0.3, 3],
  ],
  js: [
    [/\bfunction\s*\*?\s*[\w$]*\s*\(/g, 1.5, 2],
    [/\b(?:const|let|var)\s+[\w${[]/g, 1.5, 2],
    [/=>/g, 1, 2],
    [/\brequire\(\s*['"]/g, 2, 1],
    [/\bmodule\.exports\b|\bexports\.\w+\s*=/g, 2, 1],
    [/===|!==/g, 1.5, 1],
    [
      /^\s*(?:import .* from ['"]|import ['"]|export (?:default|const|function|class|async|\{|\*))/gm,
      2,
      3,
    ],
    [/\b(?:console\.\w+|document\.|window\.|JSON\.\w+|Promise\b|async\s+function|await\s)/g, 1, 2],
    [/['"]use strict['"]|\btypeof\b|\bundefined\b|\bthis\.\w+\s*=/g, 1.5, 1],
  ],
  ts: [
    [
      /^\s*(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+\w+(?:<[^>]*>)?\s*(?:=|\{|extends)/gm,
      3,
      1,
    ],
    [
      /\w\??:\s*(?:string|number|boolean|unknown|any|void|never|Promise<|Record<|readonly)\b/g,
      3,
      1,
    ],
    [/\b(?:const|let|var)\s+\w+\s*:\s*[\w<>[\]|. ]+=|\w<[\w[\]|, ]+>\(/g, 2, 1],
    [
      /\b(?:import|export) type\b|\bas const\b|\bsatisfies\b|\bprivate readonly\b|\benum \w+ \{/g,
      3,
      1,
    ],
    [/\)\s*:\s*[\w<>[\]|. ]+\s*(?:=>|\{)/g, 2, 1],
    [/[(,]\s*\w+\??:\s*[A-Z][\w.]*(?:<[^>]*>)?(?:\[\])?\s*[,)=]/g, 3, 1],
    [/\btype \w+(?: as \w+)?\s*[,}]|\b(?:public|private|protected|readonly)\s+\w+\s*[:(]/g, 2, 1],
    [/\b\w+ as [A-Z]\w*\b|\w!\.\w/g, 1, 1],
  ],
  c: [
    [/^\s*#\s*(?:include|define|ifn?def|endif|if|elif|else|pragma|undef|error)\b/gm, 1.5, 3],
    [/\b(?:unsigned|size_t|u?int\d+_t|struct\s+\w+|typedef|extern|const char|void\s*\*)/g, 1, 3],
    [/->\w/g, 1, 2],
    [/\b(?:malloc|calloc|free|printf|fprintf|sizeof|memcpy|memset|strcmp|strlen|NULL)\b/g, 1.5, 2],
    [
      new RegExp(
        `^(?:static\\s+|inline\\s+|extern\\s+)*(?:const\\s+)?${C_TYPES}[\\s*]+\\w+\\s*\\(`,
        'gm',
      ),
      2,
      2,
    ],
    [/^\s*[A-Za-z_][\w\s*]*\s\**\w+\([^()]*\)\s*;\s*$/gm, 1, 2],
    [/^\s*\}\s*\w+\s*;\s*$|\bunion\s*\{|\benum\s+\w*\s*\{/gm, 1, 1],
    [/^\s*[A-Z_]\w*\s*\(/gm, 0.3, 2],
    // Bodies of multi-line macros: statements continued with `\`, `do { … } while (0)`.
    [/\w\);?\s+\\$|\bdo \{\s*\\$|\bwhile \(\(?(?:void\)\s*)?0(?:, 0)?\)/gm, 1.5, 3],
  ],
  cpp: [
    [
      /\bstd::|\btemplate\s*<|\bnamespace\s+\w+|\btypename\b|\bnullptr\b|\bnoexcept\b|\bconstexpr\b/g,
      2,
      3,
    ],
    [
      /\b(?:static|reinterpret|const|dynamic)_cast<|\bvirtual\b|\bexplicit\b|\boperator\s*[^\w\s]/g,
      2,
      2,
    ],
    [/^\s*(?:public|private|protected):\s*$/gm, 2, 1],
    [/#include <[a-z_]+>/g, 3, 1],
    [/\bclass \w+\s*(?::\s*(?:public|private|protected)|\{|$)/gm, 2, 1],
    [/\w&&?\s+\w|\bconst \w+&|\w::~?\w+\(/g, 1, 2],
    // C++ headers by extension, members through `this`, definitions qualified by a class.
    [/#include [<"][\w./]+\.(?:hpp|hh|hxx|tcc)[>"]|\bthis->|^\w+::\s*$|^\w+::~?\w+\(/gm, 2, 2],
    [
      /\b(?:TEST|TEST_F|TEST_P|TYPED_TEST|EXPECT_[A-Z_]+|ASSERT_[A-Z_]+|MOCK_METHOD)\(|\bauto&? \w+ = |\bconst auto&|\busing namespace\b/g,
      2,
      2,
    ],
  ],
  go: [
    [/^package \w+\s*$/gm, 3, 1],
    [/^func (?:\(\w+ \*?\w+\) )?\w+\(/gm, 3, 2],
    [/:=/g, 1.5, 2],
    [/\bfmt\.\w+|\berr != nil\b|\bgo func\b|\bdefer\b|\bchan\b/g, 2, 2],
    [/^import \($|^\s+"[\w./]+"$/gm, 1.5, 2],
    [/\[\][\w*]+|\bstruct \{|\binterface\{\}/g, 1, 2],
  ],
  rs: [
    // Lifetimes (`&'static`) and crate attributes (`#![…]`, `#[cfg(…)]`) are Rust's alone.
    [
      /&'(?:static|[a-z])\b|^\s*#!?\[(?:cfg|cfg_attr|allow|derive|inline|doc|deny|warn|must_use|test)\b/gm,
      3,
      1,
    ],
    [/\bfn \w+(?:<[^>]*>)?\(/g, 2, 2],
    [
      /\blet mut\b|\bimpl(?:<[^>]*>)? \w+|\bpub (?:fn|struct|enum|mod)\b|\b(?:Vec|Option|Result)</g,
      3,
      2,
    ],
    [/^use \w+(?:::[\w{}*, ]+)+;/gm, 3, 1],
    [/\w+!\(|#\[derive|&str\b|&mut\b|\bSome\(|\bOk\(|\bErr\(/g, 1.5, 2],
    [/\w::\w/g, 0.5, 2],
  ],
  java: [
    [
      /\b(?:public|private|protected)\s+(?:static\s+)?(?:final\s+)?(?:class|void|int|String|boolean)\b/g,
      3,
      1,
    ],
    [/\bSystem\.out\.|@Override|\bimport java\.|^package [\w.]+;/gm, 3, 1],
    // Java imports end in `;` (Kotlin's do not, C# says `using`).
    [/^import (?:static )?[\w.]+(?:\.\*)?;\s*$/gm, 3, 3],
    // The diamond (`new ArrayList<>()`) and method references passed as arguments.
    [/\bnew [A-Z]\w*<>\(|[(,]\s*(?:this|[A-Z]\w*)::(?:new|[a-z]\w*)\s*[),]/g, 3, 1],
    // Statement-level habits: `for (Type x : xs)`, `String s =`, locals typed with generics,
    // multi-catch.
    [
      /\bfor \((?:final )?[A-Z][\w.]*(?:<[\w<>, ?]*>)? \w+ : |^\s*(?:final )?String(?:\[\])? \w+ =|^\s*(?:final )?(?:List|Map|Set|Optional|Iterator|Collection|Deque|Queue)<[\w<>, ?]+> \w+ =|\bcatch \((?:final )?\w+ \| \w+|\bcatch \((?:final )?[A-Z]\w*(?:Exception|Error|Throwable) \w+\)/gm,
      2,
      2,
    ],
    [
      /\bthrows [A-Z]\w*|\bimplements [A-Z]\w*|\binstanceof [A-Z]|\bfinal [A-Z]\w*(?:<[^>]*>)? \w+ =/g,
      2,
      2,
    ],
    [
      /^\s*@(?:Nullable|NonNull|Override|SuppressWarnings|Deprecated|PluginMethod|ReactMethod)\b/gm,
      1,
      2,
    ],
  ],
  kt: [
    [
      /^\s*(?:(?:private|internal|public|protected|override|open|abstract|inline|suspend|operator|infix|tailrec)\s+)*fun (?:<[^>]+> )?[\w.`]+\s*\(/gm,
      3,
      2,
    ],
    [/\bval \w+\s*(?::\s*[\w<>?, .]+)?\s*=|\b(?:val|var) \w+\s*:\s*[\w<>?.]+/g, 2, 2],
    [/^package [\w]+(?:\.[\w]+)+\s*$/gm, 3, 1],
    [/^import [a-z]\w*(?:\.\w+){2,}(?: as \w+)?\s*$/gm, 2, 3],
    [
      /\bcompanion object\b|\blateinit var\b|\bwhen \(|\bwhen \{|\?:|!!\.|\bit\.\w|\?\.let\b|\bdata class\b|\bobject \w+ \{/g,
      2,
      2,
    ],
  ],
  swift: [
    // Swift's own keywords and initialisers without `func`; `@testable import`.
    [
      /\bfileprivate\b|@testable import\b|^\s*(?:(?:public|private|internal|override|convenience|required)\s+)*init\??\((?:\w+: |\))|\bdeinit \{|:\s*XCTestCase\b/gm,
      3,
      2,
    ],
    // An indented named `func` is a method (Go's named functions start at the margin).
    [/^\s+(?:(?:public|private|override|static|@objc)\s+)*func \w+(?:<[^>]+>)?\(/gm, 2, 1],
    [
      /^\s*(?:(?:@objc|@discardableResult|public|private|fileprivate|internal|open|override|static|class|mutating|final)\s+)*func \w+(?:<[^>]+>)?\((?:_ )?\w+(?: \w+)?: /gm,
      3,
      2,
    ],
    [/^import (?:UIKit|Foundation|SwiftUI|Combine|WebKit|Capacitor|\w+Kit)\s*$/gm, 3, 1],
    [
      /\bguard (?:let|var) \w+|\bguard .* else \{|\bif let \w+|\bif var \w+|\?\? |\[weak self\]|\bself\?\./g,
      2,
      3,
    ],
    [
      /@objc\b|@IBOutlet|@IBAction|@available\(|@escaping|@MainActor|\bextension [A-Z]\w*|\bprotocol [A-Z]\w*|\bcase \.\w+/g,
      2,
      2,
    ],
    [
      /^\s*(?:(?:public|private|fileprivate|internal|open|static|weak|lazy)\s+)*(?:let|var) \w+\s*:\s*\[?[A-Z][\w?!<>\]]*/gm,
      1.5,
      2,
    ],
    [/\)\s*(?:throws\s+|async\s+)*->\s*[\w[\]?<>: ]+\s*\{/g, 1, 2],
  ],
  cs: [
    // `out var`, interpolated strings, LINQ and C#'s lower-case `string`.
    [
      /\bout (?:var|[A-Z]\w*) \w+|\$@?"[^"\n]*\{|\.(?:Select|Where|ToList|ToArray|FirstOrDefault|OrderBy)\(\w+ =>|\bstring \w+ =|\btypeof\([A-Z]\w*\)/g,
      2,
      3,
    ],
    [
      /^using System[\w.]*;|\{ get; (?:private |internal |init; )?set; \}|\{ get; \}|\[DllImport/gm,
      3,
      2,
    ],
    [/^\s*using (?:static )?[A-Z][\w.]*;\s*$/gm, 3, 1],
    [/^\s*namespace [A-Z][\w.]*\s*(?:;|\{)?\s*$/gm, 2, 1],
    [
      /\b(?:public|private|internal|protected)\s+(?:(?:static|readonly|override|virtual|async|sealed|abstract|partial)\s+)*(?:string|bool|void|int|object|Task|IEnumerable|IList|var)\b/g,
      2,
      2,
    ],
    [
      /\bvar \w+ = new\b|\bstring\[\]|\bforeach \(var\b|\bnameof\(|\basync Task\b|\bawait \w+Async\(|\bstring\.(?:IsNullOrEmpty|Format|Join)\(/g,
      2,
      2,
    ],
    [/^\s*\[[A-Z]\w*(?:\(.*\))?\]\s*$/gm, 1.5, 1],
  ],
  php: [
    [/<\?php/g, 6, 1],
    [/\$this->/g, 3, 1],
    [/\bfunction \w+\([^)]*\$/g, 3, 1],
    [/\b(?:public|private|protected)(?: static)? function\b/g, 3, 1],
    [/^namespace [\w\\]+;|^use [\w\\]+;/gm, 3, 2],
    // Backslash-separated namespaces are PHP's alone; so are these runtime checks.
    [/^\s*namespace \w+(?:\\\w+)+\s*[;{]|\b(?:class|function)_exists\(|\bdefined\(['"]/gm, 3, 2],
    [
      /\b(?:require|include)_once\b|\bfunction_exists\(|\bisset\(|\bforeach \(\$|\bnew \\[A-Z]/g,
      2,
      2,
    ],
    [/\$\w+\s*=[^=~]|\$\w+->\w|\barray\(/g, 1, 2],
  ],
  pl: [
    [/^\s*use (?:strict|warnings|vars|constant|lib|parent|base|Carp|POSIX|Exporter)\b/gm, 3, 1],
    [/^\s*package [\w:]+;/gm, 3, 1],
    [/\bmy\s*[$@%(]/g, 2, 3],
    [/^\s*sub \w+/gm, 3, 2],
    [/@_|\$_\b|\$_\[|\$#\w|\$\w+\{|@\{|%\{|\bqw\s*[({/[]/g, 2, 2],
    [/=~\s*(?:m|s|tr|y)?[/{]|!~|\bunless\b|\belsif\b/g, 2, 2],
    [/^1;\s*$|\bdie\b|\bwarn\b|\$self->|^BEGIN \{/gm, 1, 2],
    [/^\s*(?:my\s+|our\s+)?[%@]\w+\s*=\s*\(|\\&\w+|\b\w+\s+=>\s/gm, 1, 3],
  ],
  rb: [
    [/^\s*def (?:self\.)?\w+[?!=]?(?:\(.*\))?\s*$/gm, 3, 2],
    [/^\s*end\s*$/gm, 2, 2],
    [/^\s*(?:module|class) [A-Z]\w*(?:::[A-Z]\w*)*(?:\s*<\s*[A-Z][\w:]*)?\s*$/gm, 2, 1],
    [
      /\bputs\b|\brequire(?:_relative)? ['"]|\battr_\w+|\bdo \|[\w, *]+\||#\{[^}]+\}|\.each(?:_\w+)? (?:do|\{)|\braise [A-Z]\w*(?:::\w+)*(?:,|\s*$)|\bnil\b|\.nil\?/gm,
      2,
      3,
    ],
  ],
  sh: [
    [/^#!.*\b(?:ba|z|da)?sh\b/g, 6, 1],
    [/^\s*(?:fi|done|esac)\s*$/gm, 3, 2],
    [/;\s*then\b|^\s*then\s*$|\bif \[\[? |^\s*case .* in\s*$|;;\s*$/gm, 3, 2],
    [/"\$\{?\w+\}?"|\$\(|\$\{\w+[:#%/]|\$[?#@*0-9]/g, 1, 3],
    [
      /^\s*(?:echo|printf|export|local|set -\w|cd|mkdir|rm|sudo|apt-get|test|exit|shift|unset|sleep|read -\w|source|trap|chmod|grep|sed|awk)\b/gm,
      1,
      3,
    ],
    [/\|\|\s*(?:exit|return|true)|2>&1|>\s*\/dev\/null|\[\s+-[a-z]+\s/g, 2, 2],
    [/^\s*[\w-]+\s*\(\)\s*\{?\s*$/gm, 2, 1],
    [/^\s*[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|\S*)\s*$/gm, 0.5, 3],
  ],
  sql: [
    [
      /\b(?:SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|ALTER\s+TABLE|DROP\s+(?:TABLE|FUNCTION|VIEW))\b/gi,
      3,
      2,
    ],
    [
      /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|INDEX|VIEW|FUNCTION|TYPE|AGGREGATE|OPERATOR|CAST|TRIGGER|SCHEMA|SEQUENCE|DOMAIN)\b/gi,
      3,
      2,
    ],
    [
      /\b(?:FROM|WHERE|JOIN|GROUP BY|ORDER BY|VALUES|PRIMARY KEY|NOT NULL|VARCHAR|INTEGER|RETURNS|LANGUAGE|GRANT|REVOKE|COMMENT ON|SETOF|STRICT|IMMUTABLE)\b/g,
      1.5,
      3,
    ],
    [/^\s*--/gm, 0.5, 2],
  ],
  css: [
    [
      /^\s*(?!(?:if|else|for|while|do|try|switch|case|default|class|struct|enum|interface|fun|func|fn|def|public|private|protected|internal|static|namespace|object|impl|mod|trait|extension|protocol|match|loop|get|set|init|finally|catch|module|begin)\b)[.#]?[\w-][\w\s.#:>,[\]*+~-]*\{\s*$/gm,
      1,
      3,
    ],
    [/^\s*-?[a-z-]+\s*:\s*[^;{}]+;\s*$/gm, 1, 4],
    [
      /@media|@import|@font-face|@keyframes|!important|:hover\b|:focus\b|::?(?:before|after)\b/g,
      2,
      1,
    ],
    [/\b\d*\.?\d+(?:px|em|rem|vh|vw)\b|#[0-9a-fA-F]{3,6}\b/g, 1, 2],
  ],
  html: [
    [/<!DOCTYPE html|<html\b|<head>|<body\b/gi, 5, 2],
    [/<\/[a-zA-Z][\w-]*>/g, 1, 4],
    [/<\w+(?:\s+[\w-]+="[^"]*")+\s*\/?>/g, 1, 2],
    [/^\s*<[a-zA-Z][\w-]*(?:\s|>|$)|^\s*<!--/gm, 0.7, 6],
    [/&(?:nbsp|amp|lt|gt|quot|copy|#\d+);/g, 1, 1],
  ],
  json: [[/^\s*"[^"]+":\s*["[{\d]|^\s*"[^"]+":\s*(?:true|false|null)/gm, 1, 4]],
  yaml: [
    [/^\s*[\w.-]+:(?:\s+\S.*)?$/gm, 0.6, 5],
    [/^\s*- [\w"'$]/gm, 0.6, 3],
    [/^---\s*$|^\s*[\w.-]+:\s*[|>][-+]?\s*$/gm, 2, 1],
  ],
  md: [
    // A heading stands apart; `# words` followed by more lines is a comment (sh, py, rb, pl).
    [/^#{1,6} \S.*\n[ \t]*$/gm, 2, 2],
    [/^```/gm, 2, 1],
    [/\[[^\]]+\]\([^)]+\)/g, 1.5, 1],
    [/^\s*[-*+] \S|^\s*\d+\. \S/gm, 0.5, 3],
    [/`[^`\n]+`|\*\*[^*\n]+\*\*|^>\s|^\|.*\|\s*$/gm, 1, 2],
    [/^[=-]{3,}\s*$|^\[[^\]]+\]:\s+\S|\]\[[^\]]*\]/gm, 1.5, 1],
    [/^\s*(?:[*-] )?[A-Za-z][a-z']*(?: [\w'(),.:-]+){7,}$/gm, 0.3, 4],
  ],
}
