// Request counters per provider and endpoint, so benchmarks can count what the app asked of each provider.

export interface EndpointStats {
  requests: number;
  byStatus: Record<string, number>;
}

export interface ProviderStats {
  requests: number;
  rateLimited: number;
}

export class RequestStats {
  private startedAt = new Date().toISOString();
  private providers: Record<string, ProviderStats> = {};
  private endpoints: Record<string, EndpointStats> = {};

  record(provider: string, endpoint: string, status: number): void {
    const p = (this.providers[provider] ??= { requests: 0, rateLimited: 0 });
    p.requests++;
    if (status === 429) p.rateLimited++;
    const e = (this.endpoints[endpoint] ??= { requests: 0, byStatus: {} });
    e.requests++;
    e.byStatus[status] = (e.byStatus[status] ?? 0) + 1;
  }

  snapshot() {
    const total = Object.values(this.providers).reduce((s, p) => s + p.requests, 0);
    const rateLimited = Object.values(this.providers).reduce((s, p) => s + p.rateLimited, 0);
    return { since: this.startedAt, total, rateLimited, providers: this.providers, endpoints: this.endpoints };
  }

  reset(): void {
    this.startedAt = new Date().toISOString();
    this.providers = {};
    this.endpoints = {};
  }
}
