package ner

// modelVersion is the model file format and feature-template version.
const modelVersion = 1
