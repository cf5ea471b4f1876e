const resolutions = {
  resolutions: {},
};

export default resolutions;
