// Create Custom Image form (browser side). Filled in by the form work.
export {};
