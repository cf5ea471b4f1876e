const execution = {
  execution: {},
};

export default execution;
