/** The fingerprint of the model's code (scripts/modelIdPlugin.ts). */
declare module 'virtual:depinsim-model-id' {
  export const MODEL_ID: string;
}
