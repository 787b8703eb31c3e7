export * from './one-stop-form';
export * from './form-facts';
export * from './receipt.form';
export * from './supplement-request.form';
export * from './refusal.form';
export * from './apology.form';
export * from './form-pdf';
