package googletest

import (
	"context"

	"cloud.google.com/go/texttospeech/apiv1/texttospeechpb"
	"google.golang.org/grpc"
)

// betaServiceDesc serves the v1beta1 service with the v1 message types: the
// fields the two versions share have the same numbers, and the v1beta1-only
// ones (enable_time_pointing in, timepoints out) travel as unknown fields.
var betaServiceDesc = grpc.ServiceDesc{
	ServiceName: "google.cloud.texttospeech.v1beta1.TextToSpeech",
	HandlerType: (*texttospeechpb.TextToSpeechServer)(nil),
	Methods: []grpc.MethodDesc{
		{MethodName: "ListVoices", Handler: betaListVoices},
		{MethodName: "SynthesizeSpeech", Handler: betaSynthesize},
	},
	Metadata: "google/cloud/texttospeech/v1beta1/cloud_tts.proto",
}

func betaListVoices(srv any, ctx context.Context, dec func(any) error, intercept grpc.UnaryServerInterceptor) (any, error) {
	in := new(texttospeechpb.ListVoicesRequest)
	if err := dec(in); err != nil {
		return nil, err
	}
	call := func(ctx context.Context, req any) (any, error) {
		return srv.(*Server).ListVoices(ctx, req.(*texttospeechpb.ListVoicesRequest))
	}
	if intercept == nil {
		return call(ctx, in)
	}
	info := &grpc.UnaryServerInfo{Server: srv, FullMethod: "/google.cloud.texttospeech.v1beta1.TextToSpeech/ListVoices"}
	return intercept(ctx, in, info, call)
}

func betaSynthesize(srv any, ctx context.Context, dec func(any) error, intercept grpc.UnaryServerInterceptor) (any, error) {
	in := new(texttospeechpb.SynthesizeSpeechRequest)
	if err := dec(in); err != nil {
		return nil, err
	}
	call := func(ctx context.Context, req any) (any, error) {
		return srv.(*Server).synthesize(ctx, req.(*texttospeechpb.SynthesizeSpeechRequest), true)
	}
	if intercept == nil {
		return call(ctx, in)
	}
	info := &grpc.UnaryServerInfo{Server: srv, FullMethod: "/google.cloud.texttospeech.v1beta1.TextToSpeech/SynthesizeSpeech"}
	return intercept(ctx, in, info, call)
}
