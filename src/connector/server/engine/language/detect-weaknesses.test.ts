/**
 * The detection weaknesses issue 12 names, one test each: every snippet here was detected as
 * the wrong language (or as plain text) before issue 12 and must now show its own language.
 * The snippets are written for these tests, not taken from the sample packages.
 */
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'

const engine = createEngine()
const languageOf = async (lines: string[]): Promise<string> =>
  (await engine.enrich(lines.join('\n'))).language

describe('detection weaknesses named in issue 12', () => {
  it("does not take Java for PHP because it writes `new ArrayList<>()` (PHP's `new [A-Z]` cue)", async () => {
    const java = [
      'List<Order> pending = new ArrayList<>();',
      'Map<String, Integer> totals = new HashMap<>();',
      'for (Order order : orders) {',
      '    if (order.isShipped()) {',
      '        continue;',
      '    }',
      '    pending.add(order);',
      '    totals.merge(order.customerId(), order.amount(), Integer::sum);',
      '}',
      'Collections.sort(pending, new OrderComparator());',
      'return new Report(pending, totals);',
    ]
    expect(await languageOf(java)).toBe('java')
  })

  it('does not take a Java switch for CSS because its lines end in `{`', async () => {
    const java = [
      'switch (state) {',
      '    case IDLE: {',
      '        String label = state.name();',
      '        timer.start();',
      '        log.info("leaving " + label);',
      '        state = State.RUNNING;',
      '        break;',
      '    }',
      '    case RUNNING: {',
      '        timer.pause();',
      '        state = State.PAUSED;',
      '        break;',
      '    }',
      '    default: {',
      '        throw new IllegalStateException(state.name());',
      '    }',
      '}',
    ]
    expect(await languageOf(java)).toBe('java')
  })

  it('does not answer plain text for a Java method without class or import lines', async () => {
    const java = [
      'void drain(Deque<Task> queue, Executor executor) {',
      '    while (!queue.isEmpty()) {',
      '        Task task = queue.pollFirst();',
      '        if (task.isCancelled()) {',
      '            continue;',
      '        }',
      '        try {',
      '            executor.execute(task::run);',
      '        } catch (RejectedExecutionException e) {',
      '            queue.addFirst(task);',
      '            break;',
      '        }',
      '    }',
      '}',
    ]
    expect(await languageOf(java)).toBe('java')
  })

  it('knows C# statements by `out var`, interpolated strings and LINQ', async () => {
    const cs = [
      'foreach (var line in File.ReadLines(path))',
      '{',
      "    var parts = line.Split(',');",
      '    if (!int.TryParse(parts[1], out var amount))',
      '    {',
      '        Console.WriteLine($"Skipping {parts[0]}: not a number");',
      '        continue;',
      '    }',
      '    totals[parts[0]] = totals.TryGetValue(parts[0], out var sum) ? sum + amount : amount;',
      '}',
      'var top = totals.OrderByDescending(p => p.Value).Take(3).ToList();',
    ]
    expect(await languageOf(cs)).toBe('cs')
  })

  it('knows Kotlin by `fun`, `val` and the elvis operator rather than TypeScript', async () => {
    const kt = [
      'fun parseHeaders(lines: List<String>): Map<String, String> {',
      '    val headers = mutableMapOf<String, String>()',
      '    for (line in lines) {',
      "        val index = line.indexOf(':')",
      '        if (index <= 0) continue',
      '        val name = line.substring(0, index).trim().lowercase()',
      '        headers[name] = line.substring(index + 1).trim()',
      '    }',
      '    return headers',
      '}',
      '',
      'val contentType = parseHeaders(raw)["content-type"] ?: "text/plain"',
    ]
    expect(await languageOf(kt)).toBe('kt')
  })

  it('knows Swift by its initialisers and closures rather than Python', async () => {
    const swift = [
      'struct Temperature {',
      '    let celsius: Double',
      '',
      '    var fahrenheit: Double {',
      '        return celsius * 9 / 5 + 32',
      '    }',
      '',
      '    init(fahrenheit: Double) {',
      '        self.celsius = (fahrenheit - 32) * 5 / 9',
      '    }',
      '',
      '    init(celsius: Double) {',
      '        self.celsius = celsius',
      '    }',
      '}',
      '',
      'let readings = [12.5, 19.0, 23.4].map { Temperature(celsius: $0) }',
      'let warm = readings.filter { $0.fahrenheit > 60 }',
      'print(warm.count)',
    ]
    expect(await languageOf(swift)).toBe('swift')
  })
})
