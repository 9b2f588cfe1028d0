/**
 * htmlparser2 (9.x) keeps its open elements in an array with the innermost
 * element first, so every start tag is an `unshift` and every end tag a
 * `shift`: O(depth) each, quadratic for deeply nested or never-closed markup
 * (100,000 unclosed <font>/<div> take seconds, a 50 MB page of them forever).
 *
 * `installLinearStack` swaps that array for an object with the same interface
 * as the parser uses it while parsing (`[0]`, `length`, `unshift`, `shift`,
 * `indexOf`, `includes`) kept innermost-last, so each operation is O(1) (indexOf is
 * amortised: it is O(1) for names that are not open, and otherwise bounded by
 * the elements the end tag then closes). If the parser's internals ever look
 * different, nothing is changed and the parser keeps its own array.
 */

class TopFirstStack {
  /** Outermost first, innermost last (the reverse of the parser's view). */
  items: string[] = [];
  /** How many of each name are open. */
  counts = new Map<string, number>();

  get length(): number {
    return this.items.length;
  }

  set length(n: number) {
    // Only `stack.length = 0` (Parser.reset) is used.
    while (this.items.length > n) this.shift();
  }

  /** Element `i` counting from the innermost (the parser's indexing). */
  at(i: number): string | undefined {
    return this.items[this.items.length - 1 - i];
  }

  unshift(name: string): number {
    this.items.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return this.items.length;
  }

  shift(): string | undefined {
    const name = this.items.pop();
    if (name !== undefined) {
      const n = (this.counts.get(name) ?? 1) - 1;
      if (n === 0) this.counts.delete(name);
      else this.counts.set(name, n);
    }
    return name;
  }

  indexOf(name: string): number {
    if (!this.counts.has(name)) return -1;
    const last = this.items.length - 1;
    for (let i = last; i >= 0; i--) if (this.items[i] === name) return last - i;
    return -1;
  }

  includes(name: string): boolean {
    return this.counts.has(name);
  }
}

// The parser reads `stack[0]` (the innermost element) when a start tag may
// close it and when a self-closing tag is closed.
Object.defineProperty(TopFirstStack.prototype, '0', {
  get(this: TopFirstStack) {
    return this.at(0);
  },
});

interface ParserInternals {
  stack?: unknown;
  onend?: unknown;
}

/**
 * Give a freshly made htmlparser2 Parser a stack with O(1) operations; false
 * (and the parser untouched) when its internals are not as expected.
 */
export function installLinearStack(parser: object): boolean {
  const p = parser as ParserInternals;
  const onend = p.onend;
  if (!Array.isArray(p.stack) || p.stack.length !== 0 || typeof onend !== 'function') return false;
  const stack = new TopFirstStack();
  p.stack = stack;
  // At the end the parser walks the stack by index to close what is still
  // open: hand it back a plain array, innermost first, for that.
  p.onend = function (this: unknown, ...args: unknown[]) {
    p.stack = stack.items.slice().reverse();
    return (onend as (...a: unknown[]) => unknown).apply(this, args);
  };
  return true;
}
