// Typed entry for the alea generator alone (seedrandom's default ARC4 costs a fifth of the engine's speed).
declare module 'seedrandom/lib/alea.js' {
  interface AleaPrng {
    (): number;
    double(): number;
    int32(): number;
    quick(): number;
    state(): object;
  }
  const alea: (seed: string, options?: { state?: boolean | object }) => AleaPrng;
  export default alea;
}
