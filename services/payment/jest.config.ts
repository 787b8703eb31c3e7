export default {
  displayName: 'payment',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
