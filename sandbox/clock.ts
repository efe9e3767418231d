// The simulated clock: real time scaled by timeScale, plus any manual advance; everything "living" reads it.

export class SimClock {
  private anchorReal: number;
  private anchorSim: number;

  constructor(
    private scale = 1,
    offsetMs = 0,
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorReal = realNow();
    this.anchorSim = this.anchorReal + offsetMs;
  }

  now(): number {
    return Math.floor(this.anchorSim + (this.realNow() - this.anchorReal) * this.scale);
  }

  get timeScale(): number {
    return this.scale;
  }

  setTimeScale(scale: number): void {
    this.reanchor();
    this.scale = scale;
  }

  advance(ms: number): void {
    this.reanchor();
    this.anchorSim += ms;
  }

  /** Simulated minus real time: what is persisted, so a restart resumes where the clock stood. */
  offsetMs(): number {
    return this.now() - this.realNow();
  }

  private reanchor(): void {
    const sim = this.now();
    this.anchorReal = this.realNow();
    this.anchorSim = sim;
  }
}
