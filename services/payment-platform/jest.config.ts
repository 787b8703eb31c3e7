export default {
  displayName: 'payment-platform',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
