export type PathParams = Readonly<Record<string, string>>;

interface CompiledRoute<H> {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  handler: H;
}

/** Matches `METHOD /v1/things/:id/refund` patterns; the first matching route wins, and adding a pattern again replaces it. */
export class Router<H> {
  private readonly routes: CompiledRoute<H>[] = [];

  add(method: string, pattern: string, handler: H): void {
    const names: string[] = [];
    const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const route = { method: method.toUpperCase(), pattern, regex: new RegExp(`^${source}$`), names, handler };
    const existing = this.routes.findIndex((r) => r.method === route.method && r.pattern === pattern);
    if (existing === -1) this.routes.push(route);
    else this.routes[existing] = route;
  }

  match(method: string, path: string): { handler: H; params: PathParams; pattern: string } | undefined {
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1] as string)));
      return { handler: route.handler, params, pattern: route.pattern };
    }
    return undefined;
  }
}
