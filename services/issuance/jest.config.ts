export default {
  displayName: 'issuance',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
