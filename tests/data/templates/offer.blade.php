@extends('layouts.email')
{{-- discount offer, sent to past students --}}
@section('content')
<p>Hi {{ $student->first_name }},</p>
<p>@lang('Your next course is 40% off until Sunday.')</p>
@if($student->courses->count() > 2)
<p>You have finished {{ $student->courses->count() }} courses with us: thank you.</p>
@endif
<p><a class="button" href="{{ route('courses.index') }}">Choose your next course</a></p>
<p>Questions? Write to hello@weaver.example or reply to this e-mail.</p>
{!! $footer !!}
@endsection
