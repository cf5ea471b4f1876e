const supervision = {
  supervision: {},
};

export default supervision;
